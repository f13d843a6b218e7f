package io.charagen.generator.checkpoint;

import net.razorvine.pickle.IObjectConstructor;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The whitelist for a StyleGAN2-ADA / StyleGAN3 training snapshot: every global such a
 * pickle names, each mapped to a constructor that builds plain data. Nothing else resolves.
 */
final class SnapshotGlobals {

    private SnapshotGlobals() {
    }

    static Map<String, IObjectConstructor> create() {
        Map<String, IObjectConstructor> globals = new HashMap<>();
        globals.put("torch_utils.persistence._reconstruct_persistent_obj", PersistentObject::reconstruct);
        globals.put("collections.OrderedDict", PickledDict::orderedDict);
        globals.put("dnnlib.util.EasyDict", PickledDict::easyDict);
        globals.put("torch._utils._rebuild_parameter", TorchTensors::rebuildParameter);
        globals.put("torch._utils._rebuild_tensor_v2", TorchTensors::rebuildTensor);
        globals.put("torch.storage._load_from_bytes", TorchStorageDecoder::loadFromBytes);
        // numpy 2 renamed numpy.core to numpy._core; pickles carry whichever wrote them.
        for (String module : List.of("numpy.core.multiarray", "numpy._core.multiarray")) {
            globals.put(module + ".scalar", NumpyDtype::scalar);
            globals.put(module + "._reconstruct", NumpyArray::reconstruct);
        }
        globals.put("numpy.dtype", NumpyDtype::construct);
        globals.put("numpy.ndarray", NumpyArray.TYPE);
        globals.put("builtins.set", SnapshotGlobals::set);
        globals.put("builtins.frozenset", SnapshotGlobals::set);
        return globals;
    }

    private static Object set(Object[] args) {
        if (args.length == 0) {
            return new LinkedHashSet<>();
        }
        if (args.length == 1 && args[0] instanceof List<?> items) {
            return new LinkedHashSet<>(items);
        }
        throw new PickleRefusal("set() is given " + args.length + " arguments, expected one list");
    }
}
