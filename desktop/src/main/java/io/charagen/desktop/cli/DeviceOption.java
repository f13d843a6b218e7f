package io.charagen.desktop.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** --device cpu|gpu to a DJL device, with a clear message when no GPU is visible. */
enum DeviceOption {
    cpu, gpu;

    Device toDevice() {
        if (this == cpu) {
            return Device.cpu();
        }
        if (Engine.getInstance().getGpuCount() == 0) {
            throw new IllegalStateException("--device gpu: DJL's PyTorch engine sees no CUDA GPU. Run with "
                    + "PYTORCH_FLAVOR=cu128 and either CHARAGEN_DJL_OFFLINE=false (DJL downloads its CUDA build once) "
                    + "or PYTORCH_LIBRARY_PATH set to a CUDA libtorch 2.7.1, and check the NVIDIA driver (see README)");
        }
        return Device.gpu();
    }
}
