package io.charagen.generator.rpgmaker;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link ActorsKillTest}: exports a character named Hero into the project
 * {@code args[0]} and sets actor 2 to it, halting the JVM (as a kill would: no finally blocks, no
 * shutdown hooks) with status {@value #HALTED} at the step {@code args[1]} of Actors.json's write:
 * {@code before-write}, {@code before-rename}, or {@code none} to finish.
 */
public final class ActorsCommitChild {

    static final int HALTED = 86;

    private ActorsCommitChild() {
    }

    public static void main(String[] args) throws Exception {
        String haltAt = args[1];
        ExportFolder folder = ExportFolder.rpgMakerProject(Path.of(args[0]));
        ExportFolder.Plan plan = folder.plan()
                .add(ExportFolder.Kind.CHARACTER, "$Hero.png", "sheet".getBytes(UTF_8))
                .add(ExportFolder.Kind.FACE, "Hero.png", "faces".getBytes(UTF_8));
        ActorsFile.read(folder).addTo(plan, 2, CharacterExport.actorLooks("Hero", 1, 0));
        folder.commit(plan, false, new ExportFolder.Steps() {
            @Override
            public void beforeWrite(Path target) {
                haltIf("before-write", target);
            }

            @Override
            public void beforeRename(Path target) {
                haltIf("before-rename", target);
            }

            private void haltIf(String step, Path target) {
                if (step.equals(haltAt) && target.getFileName().toString().equals(ActorsFile.FILE_NAME)) {
                    System.out.println("halting " + step + " " + target);
                    System.out.flush();
                    Runtime.getRuntime().halt(HALTED);
                }
            }
        });
        System.out.println("done");
    }
}
