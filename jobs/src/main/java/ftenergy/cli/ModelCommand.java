package ftenergy.cli;

import ftenergy.model.LoadReport;
import ftenergy.model.checkpoint.TfHubImport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ftenergy model import MODULE_DIR OUT_DIR}. */
@Command(name = "model", header = "import Google's BERT (a TF Hub module) as a checkpoint a sweep's teacher can start from",
        subcommands = ModelCommand.Import.class)
final class ModelCommand {

    @Command(name = "import", header = "convert a TF Hub BERT module into a checkpoint",
            description = "Converts a TF Hub BERT module (variables/variables.* and assets/vocab.txt: what "
                    + "`./mvnw -Pbert-base -pl common generate-test-resources` fetches) into a checkpoint (config.json, "
                    + "model.safetensors, vocab.txt) in OUT_DIR, for ftenergy.sweep.teacher.checkpoint and "
                    + "ftenergy.sweep.tokenizer.vocab-file (conf/sweeps/paper.conf).")
    static final class Import implements LeafCommand {
        @Parameters(index = "0", paramLabel = "MODULE_DIR", description = "The TF Hub module.")
        Path module;

        @Parameters(index = "1", paramLabel = "OUT_DIR", description = "Where the checkpoint is written.")
        Path out;

        @Override
        public int run(Invocation invocation) {
            LoadReport report = TfHubImport.convert(module, out, module.getFileName().toString());
            invocation.out().printf("model: %d tensors of %s imported into %s (%d in the module left unused: %s)%n",
                    report.loaded().size(), module, out.toAbsolutePath(), report.unused().size(), report.unused());
            return 0;
        }
    }
}
