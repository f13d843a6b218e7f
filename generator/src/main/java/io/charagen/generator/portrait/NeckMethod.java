package io.charagen.generator.portrait;

/** How {@link HeadCrop} decided where the head ends. */
public enum NeckMethod {
    /** The narrowest row of opaque pixels between the head and the shoulders. */
    WIDTH_PROFILE("narrowest row between head and shoulders"),
    /** No clear neck: the row where the colour down the middle of the figure changes most (chin to clothes). */
    COLOUR_CHANGE("no clear neck; strongest colour change down the figure's middle"),
    /** Neither: a fixed fraction of the figure's height. */
    FIXED_FRACTION("no clear neck or colour change; fixed fraction of the figure height");

    private final String description;

    NeckMethod(String description) {
        this.description = description;
    }

    /** A short phrase for logs. */
    public String description() {
        return description;
    }
}
