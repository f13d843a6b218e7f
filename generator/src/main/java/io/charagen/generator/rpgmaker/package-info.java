/**
 * Export for RPG Maker MV and MZ.
 *
 * <ul>
 *   <li>{@link io.charagen.generator.rpgmaker.CharacterSheet}: walk frames to {@code img/characters}
 *       sheets, one character ({@code $} file) or up to eight.</li>
 *   <li>{@link io.charagen.generator.rpgmaker.FaceSheet}: portraits to an {@code img/faces} sheet
 *       of eight 144 x 144 faces.</li>
 *   <li>{@link io.charagen.generator.rpgmaker.WalkGif}: a looping walk-cycle preview.</li>
 *   <li>{@link io.charagen.generator.rpgmaker.Names}: checks the names users give characters
 *       before they become file names.</li>
 *   <li>{@link io.charagen.generator.rpgmaker.ExportFolder}: writes a set of files into a plain
 *       folder or a project, checking every target first, backing up what a project loses, and
 *       writing each file atomically.</li>
 *   <li>{@link io.charagen.generator.rpgmaker.ActorsFile}: a project's {@code data/Actors.json},
 *       checked, with chosen actors set to an {@link io.charagen.generator.rpgmaker.ActorLook}
 *       (character and face, or the character alone) in place, every other byte kept.</li>
 * </ul>
 */
package io.charagen.generator.rpgmaker;
