package ftenergy.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Takes a screenshot of a local HTML file with Debian's headless Chromium, if installed. */
final class HeadlessChromium {

    private HeadlessChromium() {}

    /** The Chromium binary on PATH, if any. */
    static Optional<Path> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Renders {@code html} at 1200 × 2000 into {@code png}. The flags keep Chromium from reaching
     * the network (closed here) and from needing a sandbox (tests run as root).
     */
    static void screenshot(Path chromium, Path html, Path png, Path scratch) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(scratch.resolve("chromium-profile"));
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1200,2000", html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(scratch.resolve("chromium.log").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("chromium did not finish within 120 s; log: " + scratch.resolve("chromium.log"));
        }
        if (process.exitValue() != 0 || !Files.exists(png)) {
            throw new IOException("chromium exited " + process.exitValue() + " without " + png + ": "
                    + Files.readString(scratch.resolve("chromium.log")));
        }
    }
}
