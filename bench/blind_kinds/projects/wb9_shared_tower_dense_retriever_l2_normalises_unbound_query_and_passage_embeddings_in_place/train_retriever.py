"""Dense passage retrieval with a single shared tower and in-batch negatives."""
import torch

from retriever import SharedTowerRetriever, in_batch_negatives_loss


def main(steps=3):
    torch.manual_seed(0)
    model = SharedTowerRetriever()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for step in range(steps):
        queries = torch.randint(1, 50, (4, 3))
        passages = torch.randint(1, 50, (4, 7))
        q, p = model(queries, passages)  # L
        loss = in_batch_negatives_loss(q, p)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
