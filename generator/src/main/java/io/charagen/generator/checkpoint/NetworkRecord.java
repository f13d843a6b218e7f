package io.charagen.generator.checkpoint;

import java.util.Map;

/**
 * One network read from a checkpoint: the reference class name ({@code Generator}), its
 * constructor kwargs as plain Java values (Map, List, Number, String, Boolean, null) and its
 * state dict.
 */
public record NetworkRecord(String className, Map<String, Object> initKwargs, StateDict stateDict) {
}
