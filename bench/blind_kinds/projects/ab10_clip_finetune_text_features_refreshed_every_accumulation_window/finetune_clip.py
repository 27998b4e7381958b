import torch

from clipft import AccumConfig, DualEncoder, train_epoch

N_CLASSES, PROMPT_LEN = 4, 5
CFG = AccumConfig(accum_steps=2, text_refresh_every=2)


def make_batches(n=8, d_img=12, batch_size=3):
    g = torch.Generator().manual_seed(1)
    return [(torch.randn(batch_size, d_img, generator=g), torch.randint(0, N_CLASSES, (batch_size,), generator=g))
            for _ in range(n)]


def main(cfg=CFG, epochs=1):
    torch.manual_seed(0)
    model = DualEncoder()
    prompts = torch.randint(0, 30, (N_CLASSES, PROMPT_LEN))
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.1)
    for epoch in range(epochs):
        print(epoch, train_epoch(model, opt, make_batches(), prompts, cfg))  # L


if __name__ == "__main__":
    main()
