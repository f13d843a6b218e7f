package io.charagen.core.assets;

import com.badlogic.gdx.assets.AssetDescriptor;
import com.badlogic.gdx.assets.AssetLoaderParameters;
import com.badlogic.gdx.assets.AssetManager;
import com.badlogic.gdx.assets.loaders.AsynchronousAssetLoader;
import com.badlogic.gdx.assets.loaders.FileHandleResolver;
import com.badlogic.gdx.files.FileHandle;
import com.badlogic.gdx.utils.Array;
import com.badlogic.gdx.utils.GdxRuntimeException;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.model.ModelSource;

import java.nio.file.Path;

/**
 * Loads a {@link CharagenModel}: a bundle's card ({@code .json} beside its {@code .safetensors})
 * or a reference snapshot ({@code .pkl}, read as data, never run). All the reading and checking
 * happens in {@link #loadAsync}, off the render thread; nothing needs the GL thread.
 *
 * <pre>{@code
 * manager.setLoader(CharagenModel.class, new CharagenModelLoader(new InternalFileHandleResolver()));
 * manager.load("models/sprite.json", CharagenModel.class);
 * manager.load("models/portrait.pkl", CharagenModel.class, CharagenModelLoader.Parameters.of(ModelKind.PORTRAIT));
 * }</pre>
 */
public final class CharagenModelLoader extends AsynchronousAssetLoader<CharagenModel, CharagenModelLoader.Parameters> {

    /** What the model is for; a bundle's card says so itself, a snapshot needs to be told. */
    public static final class Parameters extends AssetLoaderParameters<CharagenModel> {
        public ModelKind kind;

        public static Parameters of(ModelKind kind) {
            Parameters p = new Parameters();
            p.kind = kind;
            return p;
        }
    }

    private volatile CharagenModel loaded;

    public CharagenModelLoader(FileHandleResolver resolver) {
        super(resolver);
    }

    @Override
    public void loadAsync(AssetManager manager, String fileName, FileHandle file, Parameters parameters) {
        Path path = LocalFiles.pathOf(file, "model");
        try {
            loaded = new CharagenModel(parameters != null && parameters.kind != null
                    ? ModelSource.open(path, parameters.kind) : ModelSource.open(path));
        } catch (CheckpointException e) {
            boolean kindMissing = (parameters == null || parameters.kind == null) && "pkl".equals(file.extension());
            throw new GdxRuntimeException(e.getMessage()
                    + (kindMissing ? ": load it with CharagenModelLoader.Parameters.of(ModelKind.SPRITE or PORTRAIT)" : ""), e);
        }
    }

    @Override
    public CharagenModel loadSync(AssetManager manager, String fileName, FileHandle file, Parameters parameters) {
        CharagenModel model = loaded;
        loaded = null;
        return model;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Array<AssetDescriptor> getDependencies(String fileName, FileHandle file, Parameters parameters) {
        return null;
    }
}
