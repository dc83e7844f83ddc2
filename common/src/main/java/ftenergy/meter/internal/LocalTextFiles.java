package ftenergy.meter.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@link TextFiles} on the real file system. */
final class LocalTextFiles implements TextFiles {
    static final LocalTextFiles INSTANCE = new LocalTextFiles();

    private LocalTextFiles() {}

    @Override
    public String read(Path file) throws IOException {
        // sysfs and procfs report size 0, so read to EOF rather than trusting the size
        return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
    }

    @Override
    public List<Path> list(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        }
    }

    @Override
    public boolean isDirectory(Path path) {
        return Files.isDirectory(path);
    }
}
