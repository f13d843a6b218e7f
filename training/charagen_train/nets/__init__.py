"""Networks written from the StyleGAN2 and StyleGAN3 papers, with the reference parameter and
buffer names so that reference snapshots load into them and their weights load into the Java
runtime."""
