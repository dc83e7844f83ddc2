package ftenergy.cli;

import ftenergy.model.LoadReport;
import ftenergy.model.checkpoint.TfHubImport;
import java.nio.file.Path;

/** {@code ftenergy model import MODULE OUT}. */
final class ModelCommand implements Command {

    @Override
    public String name() {
        return "model";
    }

    @Override
    public String summary() {
        return "import Google's BERT (a TF Hub module) as a checkpoint a sweep's teacher can start from";
    }

    @Override
    public String usage() {
        return """
                usage: ftenergy model import MODULE_DIR OUT_DIR
                  Converts a TF Hub BERT module (variables/variables.* and assets/vocab.txt: what
                  `./mvnw -Pbert-base -pl common generate-test-resources` fetches) into a checkpoint
                  (config.json, model.safetensors, vocab.txt) in OUT_DIR, for
                  ftenergy.sweep.teacher.checkpoint and ftenergy.sweep.tokenizer.vocab-file (conf/sweeps/paper.conf).
                """;
    }

    @Override
    public int run(Invocation invocation) {
        Arguments arguments = invocation.arguments();
        if (!"import".equals(arguments.word(1)) || arguments.word(2) == null || arguments.word(3) == null) {
            throw new UsageException("model needs: import MODULE_DIR OUT_DIR");
        }
        Path module = Path.of(arguments.word(2));
        Path out = Path.of(arguments.word(3));
        LoadReport report = TfHubImport.convert(module, out, module.getFileName().toString());
        invocation.out().printf("model: %d tensors of %s imported into %s (%d in the module left unused: %s)%n",
                report.loaded().size(), module, out.toAbsolutePath(), report.unused().size(), report.unused());
        return 0;
    }
}
