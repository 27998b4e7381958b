"""Dense retrieval: short queries, passages longer than the encoder's trained length, in-batch negatives."""
import torch

from retriever import BiEncoder, info_nce


def main():
    torch.manual_seed(0)
    model = BiEncoder()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    for step in range(3):
        queries = torch.randint(1, 30, (4, 4))
        passages = torch.randint(1, 30, (4, 9))
        q = model(queries)
        p = model(passages)  # L
        loss = info_nce(q, p)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, round(loss.item(), 4))


if __name__ == "__main__":
    main()
