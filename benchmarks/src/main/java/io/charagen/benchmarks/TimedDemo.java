package io.charagen.benchmarks;

import com.badlogic.gdx.ApplicationListener;
import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.GL20;
import io.charagen.desktop.demo.DemoApp;
import io.charagen.desktop.demo.DemoObserver;
import io.charagen.desktop.demo.DemoSettings;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The demo scene with a stopwatch around each frame: frames before the villagers are asked for
 * (model loading) are not counted; frames from the first request to the last delivery count as
 * "generating", and the frames of the following {@code idleSeconds} as "idle", after which the
 * window closes.
 */
final class TimedDemo implements ApplicationListener, DemoObserver {

    enum Phase { LOADING, GENERATING, IDLE }

    private final DemoApp demo;
    private final double idleSeconds;
    private final double maxSeconds;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    final FrameTimes generating = new FrameTimes();
    final FrameTimes idle = new FrameTimes();
    private Phase phase = Phase.LOADING;
    private long lastFrameStart = -1;
    private long startNanos;
    long firstRequest;
    long firstDelivery;
    long lastDelivery;
    int delivered;
    int failed;
    int total;
    long processCpuAtRequest;
    long processCpuAtLastDelivery;
    String glRenderer = "unknown";
    boolean timedOut;

    TimedDemo(DemoSettings settings, double idleSeconds, double maxSeconds) {
        this.demo = new DemoApp(settings, this);
        this.idleSeconds = idleSeconds;
        this.maxSeconds = maxSeconds;
    }

    @Override
    public void create() {
        startNanos = System.nanoTime();
        glRenderer = Gdx.gl.glGetString(GL20.GL_RENDERER) + " (" + Gdx.gl.glGetString(GL20.GL_VERSION) + ")";
        demo.create();
    }

    @Override
    public void render() {
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        double interval = lastFrameStart < 0 ? -1 : (start - lastFrameStart) / 1e6;
        Phase counted = phase;
        demo.render();
        long end = System.nanoTime();
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        if (counted == Phase.GENERATING) {
            generating.add((end - start) / 1e6, cpu, interval);
        } else if (counted == Phase.IDLE) {
            idle.add((end - start) / 1e6, cpu, interval);
        }
        lastFrameStart = start;
        if (phase == Phase.IDLE && (end - lastDelivery) / 1e9 > idleSeconds) {
            Gdx.app.exit();
        }
        if ((end - startNanos) / 1e9 > maxSeconds && phase != Phase.IDLE) {
            timedOut = true;
            Gdx.app.exit();
        }
        if (demo.failureOrNull() != null) {
            Gdx.app.exit();
        }
    }

    @Override
    public void requested(int npcs, long nanoTime) {
        total = npcs;
        firstRequest = nanoTime;
        processCpuAtRequest = processCpuNanos();
        phase = Phase.GENERATING;
    }

    @Override
    public void delivered(String name, int ready, int total, long nanoTime) {
        delivered = ready;
        if (ready == 1) {
            firstDelivery = nanoTime;
        }
        System.out.printf("  %-10s arrived %6.1f s after the first request (%d of %d) [load average %s]%n", name,
                (nanoTime - firstRequest) / 1e9, ready, total, MachineInfo.loadAverage());
        finishedOne(nanoTime);
    }

    @Override
    public void failed(String name, Throwable error) {
        failed++;
        System.out.println("  " + name + " FAILED: " + error.getMessage());
        finishedOne(System.nanoTime());
    }

    private void finishedOne(long nanoTime) {
        if (delivered + failed == total) {
            lastDelivery = nanoTime;
            processCpuAtLastDelivery = processCpuNanos();
            phase = Phase.IDLE;
        }
    }

    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    Throwable failure() {
        return demo.failureOrNull();
    }

    @Override
    public void resize(int width, int height) {
        demo.resize(width, height);
    }

    @Override
    public void pause() {
        demo.pause();
    }

    @Override
    public void resume() {
        demo.resume();
    }

    @Override
    public void dispose() {
        demo.dispose();
    }
}
