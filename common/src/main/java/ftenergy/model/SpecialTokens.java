package ftenergy.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import ftenergy.text.Vocabulary;

/**
 * Ids of BERT's special tokens in one vocabulary.
 *
 * @param pad [PAD]
 * @param unk [UNK]
 * @param cls [CLS]
 * @param sep [SEP]
 * @param mask [MASK]
 */
public record SpecialTokens(
        @JsonProperty("pad") int pad,
        @JsonProperty("unk") int unk,
        @JsonProperty("cls") int cls,
        @JsonProperty("sep") int sep,
        @JsonProperty("mask") int mask) {

    /** Google's BERT vocabularies ({@code bert-base-uncased} and kin). */
    public static final SpecialTokens BERT = new SpecialTokens(0, 100, 101, 102, 103);

    /** The special tokens of a vocabulary (which guarantees it has all five). */
    public static SpecialTokens of(Vocabulary vocabulary) {
        return new SpecialTokens(vocabulary.id(Vocabulary.PAD), vocabulary.id(Vocabulary.UNK),
                vocabulary.id(Vocabulary.CLS), vocabulary.id(Vocabulary.SEP), vocabulary.id(Vocabulary.MASK));
    }

    /** Whether masked-LM masking must leave this token alone: [PAD], [CLS], [SEP] (as HuggingFace). */
    public boolean isStructural(int id) {
        return id == pad || id == cls || id == sep;
    }

    /** The largest id, to check the vocabulary covers them all. */
    public int maxId() {
        return Math.max(Math.max(Math.max(pad, unk), Math.max(cls, sep)), mask);
    }
}
