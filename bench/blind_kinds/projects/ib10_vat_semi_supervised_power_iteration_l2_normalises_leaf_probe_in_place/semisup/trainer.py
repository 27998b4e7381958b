import torch.nn.functional as F


def train(model, vat_loss, optimizer, labelled, unlabelled, alpha=1.0, log=print):
    model.train()
    for it, ((x_l, y_l), x_ul) in enumerate(zip(labelled, unlabelled)):
        lds = vat_loss(model, x_ul)  # L
        loss = F.cross_entropy(model(x_l), y_l) + alpha * lds
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        log(it, loss.item(), lds.item())
