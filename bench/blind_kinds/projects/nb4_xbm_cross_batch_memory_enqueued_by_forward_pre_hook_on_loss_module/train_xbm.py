import torch

from metric import ContrastiveWithMemory, CrossBatchMemory, Embedder, attach_memory

CONFIG = {
    "embed_dim": 8,
    "memory": {"size": 24, "enqueue": "forward_pre"},
    "margin": 0.5,
    "steps": 3,
}


def sample_batch(n_classes=3, per_class=2):
    labels = torch.arange(n_classes).repeat_interleave(per_class)
    return torch.randn(len(labels), 10) + labels[:, None].float(), labels


def main():
    torch.manual_seed(0)
    model = Embedder(10, CONFIG["embed_dim"])
    memory = CrossBatchMemory(CONFIG["memory"]["size"], CONFIG["embed_dim"])
    loss_fn = ContrastiveWithMemory(memory, margin=CONFIG["margin"])
    attach_memory(loss_fn, memory, CONFIG["memory"]["enqueue"])  # L
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for step in range(CONFIG["steps"]):
        x, labels = sample_batch()
        loss = loss_fn(model(x), labels)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item(), memory.filled)


if __name__ == "__main__":
    main()
