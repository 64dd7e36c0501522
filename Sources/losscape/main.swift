print("losscape")
