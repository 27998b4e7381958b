import torch
import torch.nn.functional as F

from model import ModelConfig, TinyLM


def main():
    torch.manual_seed(0)
    cfg = ModelConfig(norm="rms", depth=2)
    model = TinyLM(cfg)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=0.1)
    tokens = torch.randint(0, cfg.vocab, (2, 7))
    for _ in range(2):
        logits = model(tokens[:, :-1])  # L
        loss = F.cross_entropy(logits.flatten(0, 1), tokens[:, 1:].flatten())
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(loss.item())


if __name__ == "__main__":
    main()
