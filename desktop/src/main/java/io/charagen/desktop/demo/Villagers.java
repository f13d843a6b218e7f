package io.charagen.desktop.demo;

import com.badlogic.gdx.graphics.g2d.Batch;
import com.badlogic.gdx.math.GridPoint2;
import com.badlogic.gdx.math.Rectangle;
import com.badlogic.gdx.utils.Disposable;
import io.charagen.core.CharacterGenerator;
import io.charagen.core.CharacterListener;
import io.charagen.core.GeneratedCharacter;
import io.charagen.core.GenerationRequest;
import io.charagen.generator.character.PipelineListener.Stage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The demo's crowd: places a marker per villager on the map, asks the generator for them all, and
 * turns each marker into a walking character when it arrives. Owns the characters. Render thread only.
 */
final class Villagers implements Disposable {

    private final List<Npc> npcs = new ArrayList<>();
    /** Back to front: those higher on the map first, so nearer ones overlap them. */
    private final List<Npc> drawOrder = new ArrayList<>();
    private final Rectangle hit = new Rectangle();
    private int ready;
    private int failed;
    private boolean disposed;

    /** {@code count} markers on distinct tiles of the map's main walkable region, chosen by {@code seed}. */
    Villagers(TileMap map, Occupancy occupancy, VillagerSpecs specs, int count, long seed) {
        List<GridPoint2> region = new ArrayList<>(map.mainRegion());
        if (region.size() < count) {
            throw new IllegalArgumentException(count + " villagers do not fit on the map's " + region.size()
                    + " open tiles; ask for fewer with --npcs or a larger --window");
        }
        Random random = new Random(seed);
        Collections.shuffle(region, random);
        for (int k = 0; k < count; k++) {
            GridPoint2 tile = region.get(k);
            Npc npc = new Npc(specs.villager(k), new Walker(map, occupancy, tile.x, tile.y, seed * 31 + k));
            npcs.add(npc);
            drawOrder.add(npc);
        }
    }

    /** Asks for every villager, in order; returns when all are queued. */
    void request(CharacterGenerator generator, DemoObserver observer) {
        for (Npc npc : npcs) {
            npc.requested(generator.request(npc.spec(), new Delivery(npc, observer)));
        }
    }

    /** Hears one villager's request and updates its marker, or hands it its character. */
    private final class Delivery implements CharacterListener {
        private final Npc npc;
        private final DemoObserver observer;

        Delivery(Npc npc, DemoObserver observer) {
            this.npc = npc;
            this.observer = observer;
        }

        @Override
        public void done(GenerationRequest request, GeneratedCharacter character) {
            if (disposed) {
                character.dispose();
                return;
            }
            npc.delivered(character);
            ready++;
            observer.delivered(npc.name(), ready, npcs.size(), System.nanoTime());
        }

        @Override
        public void failed(GenerationRequest request, Throwable error) {
            npc.failed(error.getMessage());
            failed++;
            System.err.println("charagen demo: " + npc.name() + " (seed " + npc.spec().seed() + ") could not be made: "
                    + error.getMessage());
            observer.failed(npc.name(), error);
        }

        @Override
        public void progress(GenerationRequest request, Stage stage, int done, int total) {
            npc.progressed(stage, done, total);
        }
    }

    void update(float delta) {
        for (Npc npc : npcs) {
            npc.update(delta);
        }
    }

    void draw(Batch batch, NpcPainter painter, float time, Npc tagged) {
        drawOrder.sort(Comparator.comparingDouble((Npc n) -> n.walker().worldY()).reversed());
        for (Npc npc : drawOrder) {
            painter.draw(batch, npc, time, npc == tagged);
        }
    }

    /** The delivered villager drawn frontmost at world point (x, y), or null; a little slack around small sprites. */
    Npc at(float x, float y) {
        for (int i = drawOrder.size() - 1; i >= 0; i--) {
            Npc npc = drawOrder.get(i);
            if (npc.isReady()) {
                npc.bounds(hit);
                float slack = Math.max(4, (36 - Math.min(hit.width, hit.height)) / 2f);
                if (x >= hit.x - slack && x <= hit.x + hit.width + slack && y >= hit.y - slack && y <= hit.y + hit.height + slack) {
                    return npc;
                }
            }
        }
        return null;
    }

    List<Npc> all() {
        return Collections.unmodifiableList(npcs);
    }

    int ready() {
        return ready;
    }

    int failedCount() {
        return failed;
    }

    int total() {
        return npcs.size();
    }

    @Override
    public void dispose() {
        disposed = true;
        for (Npc npc : npcs) {
            npc.dispose();
        }
    }
}
