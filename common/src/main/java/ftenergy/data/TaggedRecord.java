package ftenergy.data;

import java.util.List;

/**
 * A sentence as words with one tag per word (CoNLL-2003 NER, Brown POS).
 *
 * @param id stable id
 * @param words the words, as the source split them
 * @param tags one tag per word
 */
public record TaggedRecord(String id, List<String> words, List<String> tags) implements TaskRecord {

    public TaggedRecord {
        words = List.copyOf(words);
        tags = List.copyOf(tags);
        if (words.size() != tags.size()) {
            throw new IllegalArgumentException("record " + id + ": " + words.size() + " words but " + tags.size() + " tags");
        }
    }
}
