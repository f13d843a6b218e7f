package io.charagen.generator.checkpoint;

/**
 * An object made by one of our whitelisted constructors that accepts the pickle BUILD
 * opcode ({@code __setstate__}). BUILD on anything else is refused, so Pyrolite never
 * reflects on objects.
 */
interface Buildable {

    void build(Object state);
}
