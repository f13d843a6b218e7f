package io.charagen.desktop.demo;

/** The sentence to show for a failure, skipping libGDX's wrappers ("Couldn't load dependencies of asset..."). */
final class DemoErrors {

    private DemoErrors() {
    }

    static String message(Throwable error) {
        Throwable t = error;
        while (t != null) {
            String m = t.getMessage();
            if (m != null && !m.startsWith("Couldn't load") && !m.startsWith("Error loading") && !m.startsWith("java.")) {
                return m;
            }
            t = t.getCause();
        }
        return error.toString();
    }
}
