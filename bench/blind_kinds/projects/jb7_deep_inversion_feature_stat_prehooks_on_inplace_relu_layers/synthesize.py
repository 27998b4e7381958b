import torch

from invert import CONFIG, Inverter, build_backbone, calibrate_reference, random_real_batch

CONFIG["regularizer"]["stat_layers"] = "act"  # L


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = build_backbone(cfg["backbone"])
    calibrate_reference(model, random_real_batch(16), cfg["regularizer"])
    inverter = Inverter(model, cfg)
    images = inverter.run(torch.arange(cfg["n_images"]) % cfg["backbone"]["num_classes"])  # L
    print(images.shape, inverter.history[-1])


if __name__ == "__main__":
    main()
