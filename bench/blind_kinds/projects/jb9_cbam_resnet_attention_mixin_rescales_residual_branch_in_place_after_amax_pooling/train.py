import torch

from cbamnet import DEFAULTS, Trainer, build_model, callbacks_from_config, fake_loader


def main(cfg=DEFAULTS):
    torch.manual_seed(0)
    model = build_model(**cfg["model"])
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9, weight_decay=5e-4)
    trainer = Trainer(model, opt, callbacks_from_config(cfg["callbacks"]))
    trainer.train(fake_loader(cfg["steps"], cfg["batch_size"], cfg["model"]["num_classes"]))  # L


if __name__ == "__main__":
    main()
