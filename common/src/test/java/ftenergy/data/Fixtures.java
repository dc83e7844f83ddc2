package ftenergy.data;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the hand-written files under {@code src/test/resources/fixtures}. */
final class Fixtures {

    private Fixtures() {}

    static Path path(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fixture " + relative, e);
        }
    }

    static ErrorBudget lenient() {
        return new ErrorBudget(0.5);
    }
}
