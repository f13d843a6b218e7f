/**
 * Projection of an image into a generator's extended latent space W+ (Image2StyleGAN), optimised as
 * StyleGAN2 projects: {@link io.charagen.generator.projection.Projector} runs
 * {@link io.charagen.generator.projection.Adam} on the num_ws x w_dim latent under the schedules of
 * {@link io.charagen.generator.projection.ProjectionSchedule}, with a masked pixel loss at several
 * scales and an optional perceptual term from a {@link io.charagen.generator.nn.FeatureExtractor}.
 *
 * <p>Cost: a step is one synthesis forward and backward pass, about 2 to 2.5 times a forward pass on
 * CPU. On the 64 x 64 test networks a step takes about 0.32 to 0.40 s (StyleGAN3-T) and 0.025 to
 * 0.04 s (StyleGAN2) on two shared cores; a 256 x 256 portrait network whose forward pass takes 3 s
 * costs about 7 s a step, so the default 100 steps take about 12 minutes there. On the test networks
 * 100 steps cut the mean squared error of a seed's image 30 to 50 times; 200 steps halve what is left.
 */
package io.charagen.generator.projection;
