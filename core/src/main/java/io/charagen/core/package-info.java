/**
 * The libGDX runtime plugin: asset loaders for model bundles, the asynchronous character
 * service and Pixmap/Texture/Animation conversion. It talks to {@code io.charagen.generator}
 * only through plain Java types and never touches NDArrays.
 */
package io.charagen.core;
