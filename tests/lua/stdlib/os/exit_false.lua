-- os.exit(false) exits with status 1
print("printed")
os.exit(false)
