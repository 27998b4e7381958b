"""Token saliency: the gradient of each predicted tag's score with respect to the token embeddings."""
import torch

from tagger import Tagger


def saliency(model, tokens):
    emb = model.embed_tokens(tokens).detach().requires_grad_(True)
    scores = model.forward_embedded(emb)  # L
    best = scores.argmax(dim=-1, keepdim=True)
    scores.gather(-1, best).sum().backward()
    return emb.grad.norm(dim=-1)


def main():
    torch.manual_seed(0)
    model = Tagger()
    tokens = torch.randint(0, 20, (2, 6))
    sal = saliency(model, tokens)
    print(sal.shape, sal.sum().item())


if __name__ == "__main__":
    main()
