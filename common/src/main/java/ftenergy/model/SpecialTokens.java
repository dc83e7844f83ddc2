package ftenergy.model;

import com.fasterxml.jackson.annotation.JsonProperty;

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

    /** Whether masked-LM masking must leave this token alone: [PAD], [CLS], [SEP] (as HuggingFace). */
    public boolean isStructural(int id) {
        return id == pad || id == cls || id == sep;
    }

    /** The largest id, to check the vocabulary covers them all. */
    public int maxId() {
        return Math.max(Math.max(Math.max(pad, unk), Math.max(cls, sep)), mask);
    }
}
