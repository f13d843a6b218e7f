/**
 * Reading networks from disk, as data only.
 *
 * <ul>
 *   <li>{@link io.charagen.generator.checkpoint.ReferenceSnapshotReader}: official
 *       StyleGAN2-ADA-PyTorch / StyleGAN3 training snapshots ({@code *.pkl}) through a
 *       whitelisting pickle reader; the Python source they embed is never run.</li>
 *   <li>{@link io.charagen.generator.checkpoint.ModelBundle}: charagen's own bundles, a
 *       {@link io.charagen.generator.checkpoint.ModelCard} ({@code <name>.json}) beside float32
 *       weights ({@code <name>.safetensors}) under the reference parameter names.</li>
 *   <li>{@link io.charagen.generator.checkpoint.SnapshotExporter}: snapshot to bundle.</li>
 * </ul>
 *
 * Every failure is a {@link io.charagen.generator.checkpoint.CheckpointException} whose message
 * names the file and the problem.
 */
package io.charagen.generator.checkpoint;
