package ftenergy.model.checkpoint;

import ftenergy.model.BertModel;
import ftenergy.model.LoadReport;

/**
 * A model read from a checkpoint.
 *
 * @param model the initialised model, on the manager it was loaded with
 * @param info what the checkpoint's config says
 * @param report which parameters came from the checkpoint and which are fresh
 */
public record LoadedModel(BertModel model, CheckpointInfo info, LoadReport report) {}
