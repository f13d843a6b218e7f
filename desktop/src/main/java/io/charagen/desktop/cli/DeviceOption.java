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
            throw new IllegalStateException("--device gpu: DJL's PyTorch engine sees no CUDA GPU. Build with "
                    + "'mvn -Pcuda package' (bundles DJL's CUDA PyTorch) or point PYTORCH_LIBRARY_PATH at a CUDA "
                    + "libtorch, and check that the NVIDIA driver is installed");
        }
        return Device.gpu();
    }
}
