package ftenergy.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ftenergy.config.ConfigReader;
import ftenergy.config.LayeredConfig;
import ftenergy.run.Hyperparameters;
import ftenergy.run.ModelSpec;
import ftenergy.run.RunKind;
import ftenergy.run.RunSpec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunIdentityTest {

    private static final Map<String, String> PAPER_PATHS = Map.of(
            "ftenergy.sweep.tokenizer.vocab-file", "/models/bert/vocab.txt",
            "ftenergy.sweep.teacher.checkpoint", "/models/bert");

    private static final Map<String, String> EARLY_STOP = Map.of(
            "ftenergy.sweep.finetune.early-stop.metric", "accuracy",
            "ftenergy.sweep.finetune.early-stop.target", "0.9");

    @Test
    void plans_keepTheIdsTheyHadBeforeTheEncodingWasExplicit() throws Exception {
        Map<String, List<String>> golden = golden();
        assertEquals(golden.get("defaults"), ids(null, Map.of()));
        assertEquals(golden.get("early-stop"), ids(null, EARLY_STOP));
        assertEquals(golden.get("demo"), ids(resource("demo-v1.conf"), Map.of()));
        assertEquals(golden.get("paper"), ids(resource("paper-v1.conf"), PAPER_PATHS));
    }

    @Test
    void encoding_writesEveryFieldExplicitly() {
        RunIdentity identity = identity(Map.of());
        assertEquals("demo|finetune|spam-emails"
                + "|ModelSpec[name=bert-2l-64h, layers=2, hidden=64, heads=2, intermediate=256, init=run:abc]"
                + "|Hyperparameters[learningRate=0.001, batchSize=16, epochs=2, maxSteps=0, maxSeqLen=128,"
                + " warmupFraction=0.1, weightDecay=0.01, lengthGrouped=false]"
                + "|3|vocab=3000,lower=true,file=null|train<=320;eval<=160|gpus=0|eval-every=10", identity.encode());
        assertEquals(16, identity.runId().length());
    }

    @Test
    void extensions_areAppendedOnlyWhenSet() {
        RunIdentity plain = identity(Map.of());
        Map<String, String> unset = new HashMap<>();
        unset.put("stop", null);
        assertEquals(plain.runId(), identity(unset).runId(), "a default extension leaves the id alone");
        RunIdentity stopping = identity(Map.of("stop", "accuracy>=0.9"));
        assertEquals(plain.encode() + "|stop=accuracy>=0.9", stopping.encode());
        assertNotEquals(plain.runId(), stopping.runId());
        assertThrows(IllegalArgumentException.class, () -> identity(Map.of("colour", "red")));
    }

    private static RunIdentity identity(Map<String, String> extensions) {
        return new RunIdentity("demo", RunKind.FINETUNE, "spam-emails", new ModelSpec("bert-2l-64h", 2, 64, 2, 256, "run:abc"),
                new Hyperparameters(1e-3, 16, 2, 0, 128, 0.1, 0.01, false), 3, 3000, true, null,
                "train<=320;eval<=160", 0, 10, extensions);
    }

    private static List<String> ids(Path file, Map<String, String> overrides) {
        ConfigReader in = new ConfigReader(LayeredConfig.load(file, Map.of(), overrides));
        SweepSettings settings = SweepSettings.read(in);
        in.finish();
        return SweepPlanner.plan(settings).runs().stream().map(RunSpec::runId).toList();
    }

    private static Map<String, List<String>> golden() throws IOException, URISyntaxException {
        Map<String, List<String>> out = new HashMap<>();
        for (String line : Files.readAllLines(resource("run-ids-v1.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.trim().split(" ");
            out.put(words[0], Arrays.asList(words).subList(1, words.length));
        }
        return out;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(RunIdentityTest.class.getResource("/plan/" + name).toURI());
    }
}
