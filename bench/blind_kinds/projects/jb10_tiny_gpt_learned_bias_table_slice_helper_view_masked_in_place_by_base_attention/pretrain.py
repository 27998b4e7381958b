import torch

from tinygpt import GPTConfig, LMTrainer, TinyGPT, random_token_batches
from tinygpt.engine import GradClip, Perplexity

CFG = GPTConfig(vocab_size=32, block_size=12, d_model=16, n_heads=2, n_layers=2, attention="learned_bias")


def main(cfg=CFG):
    torch.manual_seed(0)
    model = TinyGPT(cfg)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-4, betas=(0.9, 0.95))
    trainer = LMTrainer(model, opt, callbacks=[GradClip(1.0), Perplexity()])
    trainer.fit(random_token_batches(3, 4, cfg.block_size, cfg.vocab_size))  # L


if __name__ == "__main__":
    main()
