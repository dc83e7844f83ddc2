package ftenergy.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Plain text for WordPiece training and masked-LM pre-training: the State of the Union addresses
 * (1790-2021) and Moby Dick (extracts, etymology, 135 chapters, epilogue). About 4.5 million words,
 * a thousandth of BERT's BooksCorpus + Wikipedia.
 */
public final class PretrainingCorpus {

    /** Task name of the masked-LM passages. */
    public static final String NAME = "pretraining-corpus";
    /** The masked-LM task over these passages. */
    public static final TaskInfo INFO = new TaskInfo(NAME, TaskType.MASKED_LM, List.of(), "bookcorpus+wikipedia");

    /**
     * One document.
     *
     * @param id {@code sotu/<file stem>} or {@code moby-dick/<file stem>}
     * @param text the document's text
     */
    public record Document(String id, String text) {}

    private PretrainingCorpus() {}

    /** Every document, SOTU addresses by year then Moby Dick in book order. */
    public static List<Document> documents(CorpusStore store) {
        List<Document> out = new ArrayList<>();
        out.addAll(read("sotu", store.path(Corpus.SOTU).resolve("data"), "\\d{4}_.*\\.txt"));
        Path moby = store.path(Corpus.MOBY_DICK).resolve("data");
        out.addAll(read("moby-dick", moby, "(extracts|etymology)\\.txt"));
        List<Document> chapters = new ArrayList<>(read("moby-dick", moby, "chapter_\\d+\\.txt"));
        chapters.sort(java.util.Comparator.comparingInt(d -> Integer.parseInt(d.id().replaceAll("\\D", ""))));
        out.addAll(chapters);
        out.addAll(read("moby-dick", moby, "epilogue\\.txt"));
        return out;
    }

    /**
     * Passages for masked-LM examples: paragraphs (blank-line separated) packed up to
     * {@code maxChars} characters, never splitting a paragraph unless it alone is longer.
     * Labels are {@code null}: masking happens at training time.
     */
    public static LoadedTask<TextRecord> passages(CorpusStore store, int maxChars) {
        List<TextRecord> records = new ArrayList<>();
        for (Document d : documents(store)) {
            StringBuilder passage = new StringBuilder();
            int n = 0;
            for (String paragraph : d.text().split("\\n\\s*\\n")) {
                String p = paragraph.replaceAll("\\s+", " ").strip();
                if (p.isEmpty()) {
                    continue;
                }
                if (passage.length() > 0 && passage.length() + 1 + p.length() > maxChars) {
                    records.add(new TextRecord(d.id() + "#" + n++, passage.toString(), null, null));
                    passage.setLength(0);
                }
                while (p.length() > maxChars) {
                    int cut = p.lastIndexOf(' ', maxChars);
                    cut = cut <= 0 ? maxChars : cut;
                    records.add(new TextRecord(d.id() + "#" + n++, p.substring(0, cut), null, null));
                    p = p.substring(cut).strip();
                }
                passage.append(passage.length() > 0 ? " " : "").append(p);
            }
            if (passage.length() > 0) {
                records.add(new TextRecord(d.id() + "#" + n, passage.toString(), null, null));
            }
        }
        return new LoadedTask<>(INFO, new ReadResult<>(NAME, records, List.of()));
    }

    private static List<Document> read(String source, Path dir, String namePattern) {
        try (Stream<Path> list = Files.list(dir)) {
            List<Document> out = new ArrayList<>();
            for (Path file : list.filter(p -> p.getFileName().toString().matches(namePattern)).sorted().toList()) {
                String stem = file.getFileName().toString().replaceFirst("\\.txt$", "");
                out.add(new Document(source + "/" + stem, Files.readString(file, StandardCharsets.UTF_8)));
            }
            return out;
        } catch (IOException e) {
            throw new TaskDataException(dir.toString(), "cannot read pre-training text: " + e.getMessage(), e);
        }
    }
}
