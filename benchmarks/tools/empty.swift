// The floor for procrun's start-up: a Swift program that does nothing, built like procrun.
print("0.0.0")
