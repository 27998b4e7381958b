import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

import tinyformer.encoder as enc  # noqa: E402
from tinyformer import EncoderConfig  # noqa: E402


def batches(cfg, n, batch=4):
    g = torch.Generator().manual_seed(1)
    for _ in range(n):
        tokens = torch.randint(0, cfg.vocab, (batch, cfg.max_len), generator=g)
        yield tokens, tokens[:, 0] % cfg.n_classes


def main():
    torch.manual_seed(0)
    cfg = EncoderConfig(dim=8, heads=2, layers=2)
    model = enc.Encoder(cfg)
    decay = [p for n, p in model.named_parameters() if p.ndim >= 2 and "pos" not in n]
    no_decay = [p for n, p in model.named_parameters() if p.ndim < 2 or "pos" in n]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01},
                             {"params": no_decay, "weight_decay": 0.0}], lr=3e-3)
    warmup = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 2))
    for tokens, labels in batches(cfg, 3):
        loss = F.cross_entropy(model(tokens), labels)  # L
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        warmup.step()
    print("loss", round(loss.item(), 4))


if __name__ == "__main__":
    main()
