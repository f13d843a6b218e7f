package io.charagen.generator.checkpoint;

import net.razorvine.pickle.PickleException;

/**
 * Raised inside the unpickler (where only unchecked exceptions can pass through Pyrolite)
 * when a pickle does something a StyleGAN checkpoint never does, or declares data that is
 * not there. The message says what, without the file name; the reader adds that.
 */
final class PickleRefusal extends PickleException {

    PickleRefusal(String message) {
        super(message);
    }

    PickleRefusal(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
