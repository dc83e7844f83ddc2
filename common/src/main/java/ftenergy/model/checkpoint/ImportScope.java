package ftenergy.model.checkpoint;

/** Which of a model's parameters an import must fill from the checkpoint. */
public enum ImportScope {
    /**
     * The encoder's embeddings and layers (the pooler when the checkpoint has it); the task head is
     * left as initialised and checkpoint head tensors are skipped: fine-tuning from pre-trained BERT.
     */
    ENCODER,
    /**
     * Every parameter the model's head uses, head included (the pooler only if the head reads it):
     * a masked-LM model from a pre-training checkpoint, a fine-tuned model for evaluation.
     */
    ENCODER_AND_HEAD
}
