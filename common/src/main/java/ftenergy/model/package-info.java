/**
 * BERT built from DJL primitives ({@code Linear}, {@code LayerNorm} on the last axis, dropout,
 * GELU, embedding lookups), with sequence-classification, token-classification, span-QA and
 * masked-LM heads, and checkpoints that chain pre-training, distillation and fine-tuning.
 *
 * <p>DJL's own {@code BertBlock} and {@code TransformerEncoderBlock} use BatchNorm and cannot load
 * real BERT weights; these blocks follow Google's BERT exactly (post-LayerNorm residuals, exact
 * GELU, additive attention mask from the padding mask, [CLS] pooler with tanh).
 *
 * <h2>Parameter names</h2>
 * {@link ftenergy.model.BertModel#namedParameters()} names every parameter as HuggingFace's
 * {@code BertFor*} models do; shapes are PyTorch's ({@code Linear} weights are {@code (out, in)}).
 * Google's TF1 checkpoints use {@code /} for {@code .}, {@code layer_N} for {@code layer.N},
 * {@code kernel} (transposed, {@code (in, out)}) for a dense {@code weight}, {@code gamma}/{@code beta}
 * for LayerNorm {@code weight}/{@code bias}, and no {@code .weight} suffix on embedding tables.
 * <table>
 * <caption>ftenergy / HuggingFace name, shape, Google TF1 variable</caption>
 * <tr><td>bert.embeddings.word_embeddings.weight</td><td>(V, H)</td><td>bert/embeddings/word_embeddings</td></tr>
 * <tr><td>bert.embeddings.position_embeddings.weight</td><td>(P, H)</td><td>bert/embeddings/position_embeddings</td></tr>
 * <tr><td>bert.embeddings.token_type_embeddings.weight</td><td>(2, H)</td><td>bert/embeddings/token_type_embeddings</td></tr>
 * <tr><td>bert.embeddings.LayerNorm.weight / .bias</td><td>(H)</td><td>bert/embeddings/LayerNorm/gamma / beta</td></tr>
 * <tr><td>bert.encoder.layer.N.attention.self.query.weight / .bias</td><td>(H, H) / (H)</td><td>bert/encoder/layer_N/attention/self/query/kernel<sup>T</sup> / bias</td></tr>
 * <tr><td>bert.encoder.layer.N.attention.self.key.weight / .bias</td><td>(H, H) / (H)</td><td>.../attention/self/key/kernel<sup>T</sup> / bias</td></tr>
 * <tr><td>bert.encoder.layer.N.attention.self.value.weight / .bias</td><td>(H, H) / (H)</td><td>.../attention/self/value/kernel<sup>T</sup> / bias</td></tr>
 * <tr><td>bert.encoder.layer.N.attention.output.dense.weight / .bias</td><td>(H, H) / (H)</td><td>.../attention/output/dense/kernel<sup>T</sup> / bias</td></tr>
 * <tr><td>bert.encoder.layer.N.attention.output.LayerNorm.weight / .bias</td><td>(H)</td><td>.../attention/output/LayerNorm/gamma / beta</td></tr>
 * <tr><td>bert.encoder.layer.N.intermediate.dense.weight / .bias</td><td>(I, H) / (I)</td><td>.../intermediate/dense/kernel<sup>T</sup> / bias</td></tr>
 * <tr><td>bert.encoder.layer.N.output.dense.weight / .bias</td><td>(H, I) / (H)</td><td>.../output/dense/kernel<sup>T</sup> / bias</td></tr>
 * <tr><td>bert.encoder.layer.N.output.LayerNorm.weight / .bias</td><td>(H)</td><td>.../output/LayerNorm/gamma / beta</td></tr>
 * <tr><td>bert.pooler.dense.weight / .bias</td><td>(H, H) / (H)</td><td>bert/pooler/dense/kernel<sup>T</sup> / bias</td></tr>
 * <tr><td>cls.predictions.transform.dense.weight / .bias</td><td>(H, H) / (H)</td><td>cls/predictions/transform/dense/kernel<sup>T</sup> / bias</td></tr>
 * <tr><td>cls.predictions.transform.LayerNorm.weight / .bias</td><td>(H)</td><td>cls/predictions/transform/LayerNorm/gamma / beta</td></tr>
 * <tr><td>cls.predictions.bias</td><td>(V)</td><td>cls/predictions/output_bias</td></tr>
 * <tr><td>(decoder: tied to word_embeddings; HF's cls.predictions.decoder.weight)</td><td>(V, H)</td><td>(tied)</td></tr>
 * <tr><td>classifier.weight / .bias (sequence or token classification)</td><td>(C, H) / (C)</td><td>output_weights / output_bias (run_classifier.py; already (C, H))</td></tr>
 * <tr><td>qa_outputs.weight / .bias</td><td>(2, H) / (2)</td><td>cls/squad/output_weights / output_bias (run_squad.py; already (2, H))</td></tr>
 * </table>
 * Query, key and value stay separate parameters (as in both checkpoint formats) and are
 * concatenated on the fly into one fused {@code (3H, H)} projection: one matmul per layer.
 * Next-sentence-prediction weights ({@code cls.seq_relationship.*}) have no counterpart: the
 * project pre-trains with masked LM only.
 *
 * <h2>DistilBERT</h2>
 * A {@link ftenergy.model.BertConfig} of {@code model_type} {@code distilbert} builds DistilBERT:
 * no token-type table, no dropout after the attention output, no pooler but, under a
 * sequence-classification head, {@code pre_classifier} + ReLU in its place. Parameters keep the
 * BERT names above inside the model; checkpoints read and write DistilBERT's own:
 * {@code distilbert.embeddings.*} (no {@code token_type_embeddings}),
 * {@code distilbert.transformer.layer.N.attention.q_lin/k_lin/v_lin/out_lin},
 * {@code sa_layer_norm}, {@code ffn.lin1/lin2}, {@code output_layer_norm}; heads
 * {@code pre_classifier} (our pooler), {@code classifier}, {@code qa_outputs},
 * {@code vocab_transform}, {@code vocab_layer_norm}, {@code vocab_projector} (bias; weight tied).
 */
package ftenergy.model;
