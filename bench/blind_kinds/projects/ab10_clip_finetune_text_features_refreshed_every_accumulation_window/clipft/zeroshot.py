class ClassTextFeatures:
    """Class embeddings from the prompts.  Encoding every prompt on every micro-batch is the
    expensive part of FLYP-style fine-tuning, so they are re-encoded only every few micro-batches."""

    def __init__(self, model, prompt_tokens, refresh_every):
        self.model, self.prompt_tokens, self.refresh_every = model, prompt_tokens, refresh_every
        self.cached = None

    def get(self, micro_step):
        if self.cached is None or micro_step % self.refresh_every == 0:
            self.cached = self.model.encode_text(self.prompt_tokens)
        return self.cached
