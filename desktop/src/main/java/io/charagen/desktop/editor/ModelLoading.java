package io.charagen.desktop.editor;

import com.badlogic.gdx.assets.AssetManager;
import com.badlogic.gdx.assets.loaders.resolvers.AbsoluteFileHandleResolver;
import com.badlogic.gdx.utils.Disposable;
import io.charagen.core.assets.CharagenModel;
import io.charagen.core.assets.CharagenModelLoader;
import io.charagen.generator.checkpoint.ModelKind;

import java.nio.file.Path;

/**
 * The two models, read by libGDX's AssetManager on its loader thread while the window shows the
 * progress. {@link #update()} throws (a GdxRuntimeException) when a model cannot be read.
 */
final class ModelLoading implements Disposable {

    private final AssetManager manager;
    private final String sprite;
    private final String portrait;

    ModelLoading(Path spriteFile, Path portraitFile) {
        AbsoluteFileHandleResolver resolver = new AbsoluteFileHandleResolver();
        manager = new AssetManager(resolver);
        manager.setLoader(CharagenModel.class, new CharagenModelLoader(resolver));
        sprite = spriteFile.toAbsolutePath().toString();
        portrait = portraitFile.toAbsolutePath().toString();
        // A .pkl snapshot does not say what it is for; a bundle's card must agree with the kind.
        manager.load(sprite, CharagenModel.class, CharagenModelLoader.Parameters.of(ModelKind.SPRITE));
        manager.load(portrait, CharagenModel.class, CharagenModelLoader.Parameters.of(ModelKind.PORTRAIT));
    }

    /** Loads a little more; true once both models are in. */
    boolean update() {
        return manager.update(16);
    }

    /** 0 to 1. */
    float progress() {
        return manager.getProgress();
    }

    /** Models loaded so far, of the two. */
    int loaded() {
        return manager.getLoadedAssets();
    }

    CharagenModel sprite() {
        return manager.get(sprite, CharagenModel.class);
    }

    CharagenModel portrait() {
        return manager.get(portrait, CharagenModel.class);
    }

    @Override
    public void dispose() {
        manager.dispose();
    }
}
