package io.charagen.core.assets;

import com.badlogic.gdx.assets.AssetDescriptor;
import com.badlogic.gdx.assets.AssetLoaderParameters;
import com.badlogic.gdx.assets.AssetManager;
import com.badlogic.gdx.assets.loaders.AsynchronousAssetLoader;
import com.badlogic.gdx.assets.loaders.FileHandleResolver;
import com.badlogic.gdx.files.FileHandle;
import com.badlogic.gdx.utils.Array;
import com.badlogic.gdx.utils.GdxRuntimeException;
import io.charagen.generator.preset.Preset;
import io.charagen.generator.preset.PresetException;
import io.charagen.generator.preset.PresetFiles;

/**
 * Loads one archetype or expression {@link Preset} ({@code charagen-preset/1} JSON and the
 * {@code .npy} beside it), read strictly off the render thread. Give the loaded presets to a
 * {@code CharacterGenerator} as a {@link io.charagen.generator.preset.PresetSet}.
 */
public final class PresetLoader extends AsynchronousAssetLoader<Preset, PresetLoader.Parameters> {

    public static final class Parameters extends AssetLoaderParameters<Preset> {
    }

    private volatile Preset loaded;

    public PresetLoader(FileHandleResolver resolver) {
        super(resolver);
    }

    @Override
    public void loadAsync(AssetManager manager, String fileName, FileHandle file, Parameters parameters) {
        try {
            loaded = PresetFiles.read(LocalFiles.pathOf(file, "preset"));
        } catch (PresetException e) {
            throw new GdxRuntimeException(e.getMessage(), e);
        }
    }

    @Override
    public Preset loadSync(AssetManager manager, String fileName, FileHandle file, Parameters parameters) {
        Preset preset = loaded;
        loaded = null;
        return preset;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Array<AssetDescriptor> getDependencies(String fileName, FileHandle file, Parameters parameters) {
        return null;
    }
}
