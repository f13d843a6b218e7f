package io.charagen.desktop.character;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order faces are offered in: neutral first, then the familiar expressions, then the rest as
 * the presets list them. A face sheet's slots follow it unless the user orders them.
 */
public final class FaceOrder {

    private static final List<String> FAMILIAR = List.of("neutral", "happy", "sad", "angry", "surprised");

    private FaceOrder() {
    }

    public static List<String> sorted(Collection<String> expressions) {
        List<String> out = new ArrayList<>(expressions);
        out.sort(Comparator.comparingInt(FaceOrder::rank)); // stable: the rest keep their order
        return out;
    }

    private static int rank(String expression) {
        int i = FAMILIAR.indexOf(expression);
        return i >= 0 ? i : FAMILIAR.size();
    }
}
