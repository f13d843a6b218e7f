package io.charagen.core;

import com.badlogic.gdx.ApplicationAdapter;
import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.backends.headless.HeadlessApplication;
import com.badlogic.gdx.backends.headless.HeadlessApplicationConfiguration;
import com.badlogic.gdx.graphics.GL20;

import java.lang.reflect.Proxy;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A libGDX headless application for tests: its loop thread is the render thread, where
 * postRunnable work runs. The headless backend has no OpenGL, so GL calls go to a stand-in that
 * does nothing (textures get id 0): what is tested here is threading and bookkeeping, not drawing.
 */
public final class HeadlessGdx {

    private static HeadlessApplication app;
    private static volatile Thread renderThread;

    private HeadlessGdx() {
    }

    public static synchronized void start() throws Exception {
        if (app != null) {
            return;
        }
        CompletableFuture<Thread> created = new CompletableFuture<>();
        HeadlessApplicationConfiguration config = new HeadlessApplicationConfiguration();
        config.updatesPerSecond = 100;
        app = new HeadlessApplication(new ApplicationAdapter() {
            @Override
            public void create() {
                created.complete(Thread.currentThread());
            }
        }, config);
        renderThread = created.get(30, TimeUnit.SECONDS);
        GL20 gl = (GL20) Proxy.newProxyInstance(GL20.class.getClassLoader(), new Class<?>[]{GL20.class},
                (proxy, method, args) -> defaultOf(method.getReturnType()));
        Gdx.gl = gl;
        Gdx.gl20 = gl;
    }

    private static Object defaultOf(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }

    public static Thread renderThread() {
        return renderThread;
    }

    /** Runs {@code work} on the render thread and waits for its result. */
    public static <T> T onRenderThread(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Gdx.app.postRunnable(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
