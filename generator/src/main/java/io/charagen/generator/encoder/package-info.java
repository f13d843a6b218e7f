/**
 * Head encoders: small networks, trained with a portrait model, that predict its identity w from a
 * sprite's standing frames in one forward pass, so that a matched portrait needs no projection, or
 * only a short refinement ({@link io.charagen.generator.projection.Projector} from the encoder's w).
 * {@link io.charagen.generator.encoder.HeadEncoderBundle} reads one (card and weights),
 * {@link io.charagen.generator.encoder.PortraitEncoders} finds a portrait model's own and checks the
 * pairing, {@link io.charagen.generator.encoder.HeadEncoder} runs it on a device.
 */
package io.charagen.generator.encoder;
